/* opcodes.c — the tables derived from vm/opcodes.h. */
#include "opcodes.h"

#define OPCODE_NAME(name, has_arg, is_jump) #name,
const char *const opcode_names[OP_COUNT] = { OPCODE_TABLE(OPCODE_NAME) };
#define OPCODE_ARG(name, has_arg, is_jump) has_arg,
const unsigned char opcode_has_arg[OP_COUNT] = { OPCODE_TABLE(OPCODE_ARG) };
#define OPCODE_JUMP(name, has_arg, is_jump) is_jump,
const unsigned char opcode_is_jump[OP_COUNT] = { OPCODE_TABLE(OPCODE_JUMP) };
