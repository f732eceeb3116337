# nbody: a small planetary system stepped with a leapfrog-style integrator — stresses float arithmetic
# and list indexing. Bodies are lists [x, y, z, vx, vy, vz, mass]; no classes.
PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    sun = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]
    planets = [
        [4.84, -1.16, -0.10, 0.00166, 0.00770, -0.0000690, 0.000954],
        [8.34, 4.12, -0.40, -0.00277, 0.00500, 0.0000230, 0.000286],
        [12.89, -15.11, -0.22, 0.00296, 0.00237, -0.0000297, 0.0000437],
        [15.38, -25.92, 0.18, 0.00268, 0.00163, -0.0000951, 0.0000515],
    ]
    bodies = [sun]
    for p in planets:
        bodies.append([p[0], p[1], p[2], p[3] * DAYS_PER_YEAR, p[4] * DAYS_PER_YEAR,
                       p[5] * DAYS_PER_YEAR, p[6] * SOLAR_MASS])
    return bodies


def offset_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        e += 0.5 * a[6] * (a[3] * a[3] + a[4] * a[4] + a[5] * a[5])
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            e -= a[6] * b[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            a = bodies[i]
            for j in range(i + 1, n):
                b = bodies[j]
                dx = a[0] - b[0]
                dy = a[1] - b[1]
                dz = a[2] - b[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                bm = b[6] * mag
                am = a[6] * mag
                a[3] -= dx * bm
                a[4] -= dy * bm
                a[5] -= dz * bm
                b[3] += dx * am
                b[4] += dy * am
                b[5] += dz * am
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


bodies = make_bodies()
offset_momentum(bodies)
print(f"energy before {energy(bodies):.9f}")
advance(bodies, 0.01, 150000)
print(f"energy after  {energy(bodies):.9f}")
