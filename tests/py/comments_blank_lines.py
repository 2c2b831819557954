#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""A module docstring is just an expression statement."""


# Comment lines and blank lines between statements are ignored.

def f():
    """Function docstring."""
    # comment in a body

    return "f"   # trailing comment


class C:
    # comment only in between
    x = 1

        # an over-indented comment is fine

    y = 2
print(f(), C.x, C.y)   # the end
    # indented comment at the end of the file
