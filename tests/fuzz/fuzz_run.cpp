// fuzz_run.cpp — libFuzzer target: arbitrary bytes compiled and run in the sandbox of sandbox.h
// (no imports, files, exits; 100 ms and 64 MiB per input). Any outcome but a crash or a sanitizer
// report is fine. Run with tools/fuzz run SECONDS.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sandbox.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    minipy::fuzz::run_in_sandbox(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
