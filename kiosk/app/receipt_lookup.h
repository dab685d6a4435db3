#pragma once
// "Cek status": what a scanned receipt is worth and how far its record has come. The QR is checked
// offline against the keys the kiosk holds (its own, and those of the kiosks its last good
// configuration lists); for a receipt this kiosk issued, the record's outbox row and the server's
// last word on it (statuses.json, kept by the sync thread) give its progress. Nothing personal is
// read: only the record's summary, which holds none. Lives on the UI thread (its Store connection).

#include <filesystem>
#include <string_view>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/store/outbox.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/receipt_signature.h"
#include "kiosk/sync/submission_statuses.h"

namespace kiosk::app {

// The outbox state and the server's review state (null when the server has said nothing yet) as
// the person follows them.
flow::ReceiptProgress progressOf(store::OutboxState state, const sync::ServerStatus* server);

struct ReceiptRecords {
    const sync::ReceiptKeyring& keys;
    std::string_view kioskId;  // this kiosk: its receipts' records are in `store`
    store::Store& store;
    std::filesystem::path statusesFile;  // <state_dir>/statuses.json; may not exist yet
};

// Never fails: every problem is a verdict the screen explains (see flow::ReceiptStatus).
flow::ReceiptStatus lookUpReceipt(std::string_view text, const ReceiptRecords& records);

}  // namespace kiosk::app
