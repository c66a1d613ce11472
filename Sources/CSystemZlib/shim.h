/* zlib (Debian zlib1g-dev): inflate for gzip files and zip/xlsx members. Only
   InstrumentIO/Files/Gzip+C.swift calls it. Declared as our own system library so the build does not
   rely on ZIPFoundation's internal module of the same library, which exists only on some platforms. */
#ifndef INTERPHASE_CZLIB_SHIM_H
#define INTERPHASE_CZLIB_SHIM_H
#include <zlib.h>
#endif
