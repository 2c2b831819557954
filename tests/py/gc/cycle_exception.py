# A caught exception kept in a local of the frame its traceback refers to
# makes a cycle: exception -> traceback -> frame -> exception.
import gc

def keep_error():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    return None

gc.collect()
keep_error()
print("exception kept in its frame:", gc.collect() > 0)

def no_cycle():
    try:
        1 / 0
    except ZeroDivisionError:
        pass

no_cycle()
print("handled and dropped:", gc.collect())

class Failing:
    def run(self):
        try:
            raise ValueError("x")
        except ValueError as e:
            self.error = e

f = Failing()
f.run()
del f
print("instance keeping its error:", gc.collect() > 0)
