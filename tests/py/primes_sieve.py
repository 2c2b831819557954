# Sieve of Eratosthenes.
def primes_up_to(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for multiple in range(p * p, n + 1, p):
                is_prime[multiple] = False
        p += 1
    return [i for i in range(n + 1) if is_prime[i]]
primes = primes_up_to(100)
print(primes)
print(len(primes_up_to(10000)), "primes below 10000")
print(sum(primes_up_to(1000)))
def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
for n in [12, 97, 360, 1001, 2 ** 31 - 1, 600851475143]:
    print(n, factorize(n))
