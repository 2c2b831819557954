/* repl.c — the interactive prompt: ">>> " and "... ", each statement
 * compiled and run on its own, errors printed without leaving, Ctrl-C
 * discarding the input, Ctrl-D leaving.  Line editing by GNU readline (or
 * libedit) on a terminal; plain reads with prompts on stderr otherwise. */
#include <config.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/select.h>
#if defined(HAVE_LIBREADLINE)
#include <readline/readline.h>
#include <readline/history.h>
#define LINE_EDITING 1
#elif defined(HAVE_LIBEDIT)
#include <editline/readline.h>
#define LINE_EDITING 1
#endif
#include "repl.h"
#include "run.h"
#include "../vm/errors.h"
#include "../vm/interp.h"
#include "../vm/str.h"
#include "../vm/dict.h"
#include "../mem/mem.h"

/* A growing byte buffer for the statement being typed. */
typedef struct {
    char *data;
    size_t len, cap;
} Buffer;

static int buf_add(Buffer *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = mem_raw_realloc(b->data, cap);
        if (!d)
            return -1;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

typedef enum { LINE_OK, LINE_EOF, LINE_INTERRUPT } LineStatus;

static volatile sig_atomic_t got_sigint;

static void on_sigint(int sig)
{
    (void)sig;
    got_sigint = 1;
    vm_ts->interrupted = 1;
}

#if defined(LINE_EDITING)
static char *line_result;
static bool line_done;

static void rl_line_handler(char *line)
{
    line_result = line;
    line_done = true;
    rl_callback_handler_remove();
}

/* Reads a line with readline's callback interface, so that Ctrl-C can stop
 * it cleanly between characters. */
static LineStatus read_line_readline(const char *prompt, Buffer *out)
{
    line_done = false;
    line_result = NULL;
    got_sigint = 0;
    rl_callback_handler_install(prompt, rl_line_handler);
    while (!line_done) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fileno(rl_instream), &fds);
        int r = select(fileno(rl_instream) + 1, &fds, NULL, NULL, NULL);
        if (got_sigint) {
            got_sigint = 0;
            vm_ts->interrupted = 0;
            rl_free_line_state();
#if defined(HAVE_RL_CALLBACK_SIGCLEANUP)
            rl_callback_sigcleanup();
#endif
            rl_cleanup_after_signal();
            rl_callback_handler_remove();
            return LINE_INTERRUPT;
        }
        if (r < 0) {
            if (errno == EINTR)
                continue;
            rl_callback_handler_remove();
            return LINE_EOF;
        }
        rl_callback_read_char();
    }
    if (!line_result)
        return LINE_EOF;
    if (line_result[0])
        add_history(line_result);
    int r = buf_add(out, line_result, strlen(line_result));
    mem_free_foreign(line_result);
    if (r < 0 || buf_add(out, "\n", 1) < 0)
        return LINE_EOF;
    return LINE_OK;
}
#endif

/* Reads a line from a non-terminal (or without readline): prompt on stderr. */
static LineStatus read_line_plain(const char *prompt, Buffer *out)
{
    fputs(prompt, stderr);
    fflush(stderr);
    got_sigint = 0;
    size_t start = out->len;
    for (;;) {
        int c = fgetc(stdin);
        if (c == EOF) {
            if (ferror(stdin) && errno == EINTR && got_sigint) {
                clearerr(stdin);
                got_sigint = 0;
                vm_ts->interrupted = 0;
                return LINE_INTERRUPT;
            }
            if (out->len > start)
                return buf_add(out, "\n", 1) < 0 ? LINE_EOF : LINE_OK;
            return LINE_EOF;
        }
        char ch = (char)c;
        if (buf_add(out, &ch, 1) < 0)
            return LINE_EOF;
        if (c == '\n')
            return LINE_OK;
    }
}

static LineStatus read_line(const char *prompt, Buffer *out, bool use_readline)
{
#if defined(LINE_EDITING)
    if (use_readline)
        return read_line_readline(prompt, out);
#else
    (void)use_readline;
#endif
    return read_line_plain(prompt, out);
}

/* The prompt strings: sys.ps1 / sys.ps2 if set to str, else the defaults. */
static Object *prompt_of(const char *name, const char *deflt)
{
    Object *v = dict_getitem_str(MODULE_DICT(vm_ts->interp->sysmod), name);
    if (v && TYPE_CHECK(v, str_type))
        return NEWREF(v);
    if (v) {
        Object *s = obj_str(v);
        if (s)
            return s;
        err_clear();
    }
    return str_from_cstr(deflt);
}

static void install_sigint(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;            /* no SA_RESTART: reads return EINTR */
    sigaction(SIGINT, &sa, NULL);
}

int repl_run(void)
{
    bool use_readline = isatty(fileno(stdin));
#if defined(LINE_EDITING)
    if (use_readline) {
        rl_catch_signals = 0;
        rl_outstream = stdout;
        rl_bind_key('\t', rl_insert);
    }
#endif
    install_sigint();
    Object *filename = str_from_cstr("<stdin>");
    if (!filename)
        return 1;
    Buffer buf = {NULL, 0, 0};
    int status = 0;
    for (;;) {
        Object *prompt = prompt_of(buf.len ? "ps2" : "ps1", buf.len ? "... " : ">>> ");
        const char *p = prompt ? str_as_utf8(prompt, NULL) : NULL;
        fflush(stdout);
        LineStatus ls = read_line(p ? p : ">>> ", &buf, use_readline);
        XDECREF(prompt);
        if (ls == LINE_INTERRUPT) {
            fputs("\nKeyboardInterrupt\n", stderr);
            buf.len = 0;
            continue;
        }
        if (ls == LINE_EOF) {
            fputc('\n', stderr);
            break;
        }
        int r = run_source(buf.data, buf.len, filename, true);
        if (r == 1)
            continue;           /* incomplete: read another line */
        buf.len = 0;
        fflush(stdout);
        if (r < 0) {
            if (err_matches(exc_SystemExit)) {
                status = vm_handle_system_exit();
                break;
            }
            vm_print_exception();
        }
        vm_ts->interrupted = 0;
    }
    mem_raw_free(buf.data);
    DECREF(filename);
    return status;
}
