#!/usr/bin/env python3
"""Writes sample_receipt.bin: the ESC/POS bytes expected for tests/unit/sample_receipt.h.

Built by hand from the ESC/POS command reference, independently of drivers/printer, so that the
golden file checks the encoder instead of repeating it. Regenerate after a deliberate change of
the encoding (or of the sample receipt) with:

    python3 tests/unit/data/escpos/make_sample_receipt.py

and review the difference with `cmp -l` or `xxd` before committing it.
"""
from pathlib import Path

ESC, GS, LF = b"\x1b", b"\x1d", b"\x0a"


def init():
    return ESC + b"@" + ESC + b"t" + bytes([16])  # initialise; character table 16 = WPC1252


def align(centre):
    return ESC + b"a" + bytes([1 if centre else 0])


def size(double):
    return GS + b"!" + bytes([0x11 if double else 0x00])  # width x2 and height x2


def bold(on):
    return ESC + b"E" + bytes([1 if on else 0])


def text(s):
    return s + LF


def qr_function(fn, params):
    n = len(params) + 2  # cn and fn count too
    return GS + b"(k" + bytes([n & 0xFF, n >> 8]) + b"1" + fn + params


def native_qr(payload, module):
    quiet = 4 * module  # ESC J: feed the quiet zone's height in dots above and below
    return (ESC + b"J" + bytes([quiet])
            + qr_function(b"A", b"2\x00")         # model 2
            + qr_function(b"C", bytes([module]))  # module size
            + qr_function(b"E", b"1")             # error correction M
            + qr_function(b"P", b"0" + payload)   # store
            + qr_function(b"Q", b"0")             # print
            + ESC + b"J" + bytes([quiet]))


payload = b"LKT1:REG-TEST-000123:K-DEMO-01:20261128T0915:ab12cd34"
out = (init()
       + align(True) + size(True) + bold(True) + text(b"LOKET PMI")
       + size(False) + bold(False) + text(b"Tanda Terima Pendaftaran")
       + ESC + b"d" + bytes([1])
       + align(False) + text(b"No. Registrasi: REG-TEST-000123")
       + text(b"Nama: CONTOH PEKERJA SATU")
       + text(b"Tanggal: 28-11-2026 09:15")
       + bold(True) + text(b"Dokumen kurang:")
       + bold(False) + text(b"- Sertifikat kompetensi")
       + text(b"- Izin keluarga ? Meja 3")                      # the arrow is not in WPC1252
       + text(b"Caf\xe9 \x93gratis\x94 \x97 \x80 0")            # WPC1252: e acute, quotes, em dash, euro
       # A 53-byte payload makes a version 4 symbol (33 modules) at level M: 6-dot modules fit
       # 576 dots with the quiet zone ((33 + 8) * 6 = 246).
       + align(True) + native_qr(payload, 6)
       + text(b"Simpan tanda terima ini.")
       + ESC + b"d" + bytes([4]) + GS + b"V" + bytes([1]))      # feed past the cutter, partial cut

Path(__file__).with_name("sample_receipt.bin").write_bytes(out)
