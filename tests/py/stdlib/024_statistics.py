# CPython's statistics, over fractions and decimal: averages, spread, quantiles, NormalDist, and errors.
import statistics
from statistics import mean, median, mode, stdev, variance, NormalDist, StatisticsError
from fractions import Fraction
from decimal import Decimal

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(mean(data), median(data), mode(data), statistics.median_low(data), statistics.median_high(data))
print(round(stdev(data), 10), round(variance(data), 10), round(statistics.pstdev(data), 10), statistics.pvariance([1, 2, 3, 4]))
print(statistics.fmean([1, 2, 3]), statistics.geometric_mean([1, 2, 4]), statistics.harmonic_mean([40, 60]))
print(mean([Fraction(1, 2), Fraction(1, 3)]), mean([Decimal("0.5"), Decimal("0.25")]), variance([Fraction(1), Fraction(2), Fraction(4)]))
print(statistics.multimode("aabbbcccd"), statistics.quantiles(range(1, 11), n=4), statistics.median_grouped([1, 2, 2, 3, 4]))
print(statistics.correlation([1, 2, 3], [2, 4, 7]), statistics.covariance([1, 2, 3], [1, 3, 2]), statistics.linear_regression([1, 2, 3], [2, 4, 6]))
n = NormalDist(100, 15)
print(n, round(n.cdf(115), 6), round(n.inv_cdf(0.975), 6), round(n.pdf(100), 8), n + 5, n * 2, round(n.overlap(NormalDist(110, 15)), 6))
print(NormalDist.from_samples([1, 2, 3, 4]).mean, n.zscore(130), [round(x, 4) for x in n.quantiles(4)])
for bad in [lambda: mean([]), lambda: stdev([1]), lambda: statistics.harmonic_mean([-1]), lambda: NormalDist(0, -1)]:
    try:
        bad()
    except StatisticsError as e:
        print("StatisticsError", e)
