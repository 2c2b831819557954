# Run with -i: the session goes on after this uncaught error.
y = 5
raise ValueError("boom")
