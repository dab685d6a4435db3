#pragma once
// The sample receipt of the printer tests, of generated data only. tests/unit/data/escpos/
// make_sample_receipt.py writes the ESC/POS bytes expected for it; change both together.

#include "drivers/api/receipt_document.h"

namespace kiosk::test {

inline constexpr const char* kSampleQrPayload = "LKT1:REG-TEST-000123:K-DEMO-01:20261128T0915:ab12cd34";

inline drivers::ReceiptDocument sampleReceipt() {
    using namespace drivers;
    ReceiptDocument receipt;
    receipt.add(TextLine{"LOKET PMI", TextSize::Double, true, Alignment::Centre})
        .add(TextLine{"Tanda Terima Pendaftaran", TextSize::Normal, false, Alignment::Centre})
        .add(PaperFeed{1})
        .add(TextLine{"No. Registrasi: REG-TEST-000123"})
        .add(TextLine{"Nama: CONTOH PEKERJA SATU"})
        .add(TextLine{"Tanggal: 28-11-2026 09:15"})
        .add(TextLine{"Dokumen kurang:", TextSize::Normal, true})
        .add(TextLine{"- Sertifikat kompetensi"})
        .add(TextLine{"- Izin keluarga \xe2\x86\x92 Meja 3"})  // U+2192 is not in WPC1252
        .add(TextLine{"Caf\xc3\xa9 \xe2\x80\x9cgratis\xe2\x80\x9d \xe2\x80\x94 \xe2\x82\xac 0"})  // é “ ” — €
        .add(QrCode{kSampleQrPayload, Alignment::Centre})
        .add(TextLine{"Simpan tanda terima ini.", TextSize::Normal, false, Alignment::Centre})
        .add(Cut{});
    return receipt;
}

}  // namespace kiosk::test
