# CPython's unittest, unchanged from its Lib, run in-process: assertions and their failure messages,
# subTest, skips and expected failures, setUp/tearDown/cleanups, class and module fixtures, mock.
import io
import re
import unittest
from unittest import mock

log = []


class Basics(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    def setUp(self):
        log.append("setUp " + self._testMethodName)
        self.addCleanup(log.append, "cleanup " + self._testMethodName)

    def tearDown(self):
        log.append("tearDown")

    def test_equal(self):
        self.assertEqual([1, 2, 3], [1, 2, 3])
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertIn("b", "abc")
        self.assertIsInstance(3, int)

    def test_fail_list(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_fail_dict(self):
        self.assertDictEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})

    def test_fail_multiline(self):
        self.assertMultiLineEqual("one\ntwo\nthree\n", "one\n2\nthree\n")

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), "division by zero")
        with self.assertRaisesRegex(ValueError, r"invalid literal"):
            int("x")
        with self.assertWarns(DeprecationWarning):
            import warnings
            warnings.warn("old", DeprecationWarning)

    def test_error(self):
        {}["missing"]

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_fail_custom(self):
        self.assertTrue(0, msg="zero is false")


class Mocking(unittest.TestCase):
    def test_mock(self):
        m = mock.Mock(return_value=5)
        self.assertEqual(m(1, k=2), 5)
        m.assert_called_once_with(1, k=2)
        with mock.patch("os.getcwd", return_value="/nowhere") as p:
            import os
            self.assertEqual(os.getcwd(), "/nowhere")
        self.assertTrue(p.called)
        mm = mock.MagicMock()
        mm.__len__.return_value = 3
        self.assertEqual(len(mm), 3)
        self.assertEqual(mm.method.call_count, 0)


def scrub(text):
    text = re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests", text)
    return re.sub(r'File ".*?([^/]+)", line \d+', r'File "\1"', text)


stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(Basics)
suite.addTests(unittest.defaultTestLoader.loadTestsFromTestCase(Mocking))
print(suite.countTestCases())
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(scrub(stream.getvalue()))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
print(log[:6])
print(unittest.TestCase("run").id() if hasattr(unittest.TestCase, "run") else None)
