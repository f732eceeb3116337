# F5-FF never start a UTF-8 sequence: the fuzzer's abort (December 2026) was the bytes below.
x = 1
ö††
