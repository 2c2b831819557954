# Number and string literals, concatenation and f-strings.
0; 1; 42; 0x1F; 0o17; 0b101; 1_000_000; 0x_ff; 00; 0_0
123456789012345678901234567890
1.5; 1e10; .5; 5.; 1_0.5; 1e-3; 1E+3; 0.0; 1_000.000_1; 3.14e-10; 00.5; 09.5
'single'; "double"; '''triple
single'''; """triple
double"""
'a' "b" '''c'''
r'raw\n' R"raw\t"
rb'raw\x00' BR"x" Rb'y' bR'z'
b'bytes' B"BYTES" b'\x00\xff\n\t\\' b'\101\7\777'
u'unicode' U"UNICODE"
'\n\t\r\\\'\"\a\b\f\v\0\1\12\123\x41\u00e9\U0001F600'
'\d \w unknown escapes'
'line \
continued'
"""multi
line\
joined"""
'é' "日本語" '😀'
f'{x}' f"{x!r}" f'{x!s}' f'{x!a}' f'{x:>10}' f'{x:{w}.{p}f}' F'{{literal}}' f'a{x}b{y}c'
f'{x=}' f'{x = }' f'{x=!s}' f'{x=:>4}' f'{ x }' f'{x,y}' f'{x[0]}' f'{d["k"]}' f"{d['k']}"
rf'{x}\n' fr'\d{x}' Rf"{y}" f'\n{x}\t' f'{x:\\n}'
'a' f'{b}' 'c' f'd' 'e'
f'' '' f''
f'{a}{b}{c}'
f'{"nested" + f"{x}"}'
f'{lambda_:>3}' f'{x if y else z}' f'{(lambda: 1)()}' f'{x!r:^{w}}'
f"""{
    x
}"""
f'{3.14:.2f}' f'{1+2}' f'{a.b}' f'{a(b)}' f'{[1, 2]}' f'{ {1: 2} }'
