# This file has only comments.

# Nothing runs.
