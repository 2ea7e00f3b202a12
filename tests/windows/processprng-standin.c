/*
 * TEST ONLY — never shipped, never in the MSI or the zip.
 *
 * Rust's standard library (1.78+) takes its random numbers from ProcessPrng
 * in bcryptprimitives.dll, which every Windows 10/11 has. Debian's Wine 8
 * lacks that export, so no Rust program starts under it. This stand-in
 * provides ProcessPrng on top of SystemFunction036 (RtlGenRandom, in
 * advapi32), which Wine implements. tests/windows/cli-under-wine.sh builds it
 * with mingw-w64 and puts it into the test's own Wine prefix only.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
