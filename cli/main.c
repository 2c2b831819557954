/* main.c — the mempy command: options as CPython 3.11's `python3` takes
 * them, then a script, -c code, standard input, or the REPL. */
#include <config.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "run.h"
#include "repl.h"
#include "../lib/lib.h"
#include "../vm/errors.h"
#include "../vm/interp.h"
#include "../vm/str.h"
#include "../vm/dict.h"
#include "../mem/mem.h"

static const char usage_line[] =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static const char help_text[] =
    "Options (and corresponding environment variables):\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-V     : print the version number and exit (also --version)\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "\n"
    "Environment variables:\n"
    "MEMPY_MALLOC: set the memory allocator: pymalloc (default), malloc or debug\n";

typedef struct {
    const char *command;        /* -c */
    const char *module;         /* -m */
    const char *script;         /* a file or "-" */
    int argi;                   /* index in argv of sys.argv[0] */
    bool inspect, quiet, unbuffered;
} Options;

static const char *prog;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, usage_line, prog);
    fprintf(stderr, "Try `%s -h' for more information.\n", prog);
    return 2;
}

/* Parses the options; returns -1 to go on, or an exit status. */
static int parse_options(int argc, char **argv, Options *o)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--version") == 0) {
            printf("Python %s (mempy %s)\n", MEMPY_PY_VERSION, PACKAGE_VERSION);
            return 0;
        }
        if (strcmp(a, "--help") == 0) {
            printf(usage_line, prog);
            fputs(help_text, stdout);
            return 0;
        }
        if (a[1] == '-')
            return usage_error("unknown option %s\n", a);
        for (int j = 1; a[j]; j++) {
            char c = a[j];
            switch (c) {
            case 'c':
            case 'm': {
                const char *val = a[j + 1] ? a + j + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!val) {
                    char opt[3] = {'-', c, 0};
                    return usage_error("Argument expected for the %s option\n", opt);
                }
                if (c == 'c')
                    o->command = val;
                else
                    o->module = val;
                o->argi = i;
                return -1;
            }
            case 'i': o->inspect = true; break;
            case 'q': o->quiet = true; break;
            case 'u': o->unbuffered = true; break;
            case 'V':
                printf("Python %s (mempy %s)\n", MEMPY_PY_VERSION, PACKAGE_VERSION);
                return 0;
            case 'h':
            case '?':
                printf(usage_line, prog);
                fputs(help_text, stdout);
                return 0;
            case 'B': case 'E': case 's': case 'S': case 'I': case 'O': case 'b': case 'd': case 'v':
                break;
            case 'X':
            case 'W':
                if (!a[j + 1] && ++i >= argc) {
                    char opt[3] = {'-', c, 0};
                    return usage_error("Argument expected for the %s option\n", opt);
                }
                goto next_arg;
            default: {
                char opt[3] = {'-', c, 0};
                return usage_error("Unknown option: %s\n", opt);
            }
            }
        }
    next_arg:;
    }
    if (i < argc) {
        o->script = argv[i];
        o->argi = i;
    } else {
        o->argi = argc;
    }
    return -1;
}

/* Reads a whole file into a raw-domain buffer; NULL with errno set on failure. */
static char *read_all(FILE *fp, size_t *len)
{
    size_t cap = 8192, n = 0;
    char *buf = mem_raw_malloc(cap);
    if (!buf)
        return NULL;
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *b = mem_raw_realloc(buf, cap *= 2);
            if (!b) {
                mem_raw_free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = b;
        }
    }
    *len = n;
    return buf;
}

/* The absolute, normalized form of [path] (as os.path.abspath: "." and
 * ".." resolved textually), which CPython shows as a script's file name. */
static Object *absolute_path(const char *path)
{
    char joined[2 * PATH_MAX + 2];
    char cwd[PATH_MAX] = "";
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        snprintf(joined, sizeof joined, "%s", path);
    else
        snprintf(joined, sizeof joined, "%s/%s", cwd, path);
    char out[sizeof joined];
    size_t n = 0;
    for (char *seg = strtok(joined, "/"); seg; seg = strtok(NULL, "/")) {
        if (strcmp(seg, ".") == 0)
            continue;
        if (strcmp(seg, "..") == 0) {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
            continue;
        }
        n += (size_t)snprintf(out + n, sizeof out - n, "/%s", seg);
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = '\0';
    return str_from_cstr(path[0] == '/' || cwd[0] ? out : path);
}

/* Runs [src] as __main__ and reports what it raised.  A file or piped
 * input runs, as under CPython's _PyRun_SimpleFileObject, with a reference
 * to __main__ held meanwhile ([hold_main]); -c runs without one. */
static int run_main(const char *src, size_t len, Object *filename, bool hold_main)
{
    Object *main = hold_main ? XNEWREF(vm_main_module()) : NULL;
    int r = run_source(src, len, filename, false);
    XDECREF(main);
    return r < 0 ? run_report_exception() : 0;
}

static int run_script(const char *path)
{
    Object *abs = absolute_path(path);
    if (!abs)
        return run_report_exception();
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* CPython would run the directory's __main__.py; mempy has no packages */
        fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", prog, str_as_utf8(abs, NULL));
        DECREF(abs);
        return 1;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        int e = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog,
                str_as_utf8(abs, NULL), e, strerror(e));
        DECREF(abs);
        return 2;
    }
    size_t len;
    char *src = read_all(fp, &len);
    fclose(fp);
    if (!src) {
        DECREF(abs);
        err_nomemory();
        return run_report_exception();
    }
    Object *main = vm_main_module();
    int status = main && dict_setitem_str(MODULE_DICT(main), "__file__", abs) == 0
                     ? run_main(src, len, abs, true) : run_report_exception();
    mem_raw_free(src);
    DECREF(abs);
    return status;
}

static int run_string(const char *text, size_t len, const char *filename, bool hold_main)
{
    Object *fn = str_from_cstr(filename);
    if (!fn)
        return run_report_exception();
    int status = run_main(text, len, fn, hold_main);
    DECREF(fn);
    return status;
}

static int run_stdin(void)
{
    size_t len;
    char *src = read_all(stdin, &len);
    if (!src) {
        err_nomemory();
        return run_report_exception();
    }
    int status = run_string(src, len, "<stdin>", true);
    mem_raw_free(src);
    return status;
}

static void print_banner(void)
{
    fprintf(stderr, "mempy %s (Python %s compatible) [%s] on linux\n", PACKAGE_VERSION,
            MEMPY_PY_VERSION, "GCC " __VERSION__);
    fprintf(stderr, "Type \"exit()\" or press Ctrl-D to leave.\n");
}

static int set_argv(int argc, char **argv, const Options *o)
{
    int n = argc - o->argi;
    if (o->command || o->module) {
        char **args = argv + o->argi;
        const char *saved = args[0];
        args[0] = (char *)(o->command ? "-c" : "-m");
        int r = lib_sys_set_argv(n, args);
        args[0] = (char *)saved;
        return r;
    }
    if (n <= 0) {
        char *empty[] = {(char *)""};
        return lib_sys_set_argv(1, empty);
    }
    return lib_sys_set_argv(n, argv + o->argi);
}

int main(int argc, char **argv)
{
    prog = argv[0];
    Options o = {0};
    int st = parse_options(argc, argv, &o);
    if (st >= 0)
        return st;
    if (mem_init() < 0) {
        fprintf(stderr, "%s: unknown MEMPY_MALLOC mode: %s\n", prog, getenv("MEMPY_MALLOC"));
        return 1;
    }
    if (o.unbuffered) {
        setvbuf(stdout, NULL, _IONBF, 0);
        setvbuf(stderr, NULL, _IONBF, 0);
    }
    if (vm_init(lib_modules) < 0) {
        fprintf(stderr, "%s: could not start the interpreter\n", prog);
        return 1;
    }
    vm_ts->interp->compile = run_compile;
    run_init();
    if (set_argv(argc, argv, &o) < 0) {
        fprintf(stderr, "%s: could not set sys.argv\n", prog);
        return 1;
    }
    bool tty = isatty(fileno(stdin));
    int status = 0;
    bool ran = true;
    if (o.command)
        status = run_string(o.command, strlen(o.command), "<string>", false);
    else if (o.module) {
        fprintf(stderr, "%s: No module named %s\n", prog, o.module);
        status = 1;
    } else if (o.script && strcmp(o.script, "-") != 0)
        status = run_script(o.script);
    else if (!tty && !o.inspect)
        status = run_stdin();
    else
        ran = false;
    if (o.inspect || !ran) {
        if (!ran && tty && !o.quiet)
            print_banner();
        lib_sys_set("ps1", str_from_cstr(">>> "));
        lib_sys_set("ps2", str_from_cstr("... "));
        status = repl_run();
    }
    fflush(stdout);
    vm_fini();
    return status;
}
