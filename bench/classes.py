# classes.py — a particle simulation built from small classes: method calls, properties,
# inheritance with super(), and dunder operators (__add__, __mul__, __eq__) on a 2-D vector.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    @property
    def energy(self):
        return 0.5 * self.vel.dot(self.vel)

    def step(self, dt):
        self.pos = self.pos + self.vel * dt

    def bounce(self):
        if self.pos.x < 0 or self.pos.x > 100:
            self.vel = Vec(-self.vel.x, self.vel.y)
        if self.pos.y < 0 or self.pos.y > 100:
            self.vel = Vec(self.vel.x, -self.vel.y)


class HeavyParticle(Particle):
    def __init__(self, pos, vel, mass):
        super().__init__(pos, vel)
        self.mass = mass

    @property
    def energy(self):
        return self.mass * super().energy

    def step(self, dt):
        self.vel = self.vel - Vec(0, 0.01) * dt
        super().step(dt)


def main():
    particles = []
    for i in range(200):
        pos = Vec(i % 97, (i * 7) % 89)
        vel = Vec((i % 5) - 2.0, (i % 3) - 1.0)
        if i % 4 == 0:
            particles.append(HeavyParticle(pos, vel, 1 + i % 3))
        else:
            particles.append(Particle(pos, vel))
    still = 0
    for _ in range(2500):
        for p in particles:
            p.step(0.5)
            p.bounce()
            if p.vel == Vec(0, 0):
                still += 1
    energy = sum(p.energy for p in particles)
    print("energy %.6f still %d" % (energy, still))


main()
