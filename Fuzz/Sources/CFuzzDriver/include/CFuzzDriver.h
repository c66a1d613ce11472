// libFuzzer's driver entry point (compiler-rt's libclang_rt.fuzzer_no_main, linked by Fuzz/run): lets a
// program with its own main — a SwiftPM executable — run libFuzzer on a callback.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
