#pragma once
// The receipt's catalogue keys as the screens register them (kiosk/ui/text_keys.h). The receipt's
// content (kiosk/core/receipt_content.h) names its texts by key, because the core cannot see the
// screens' enum; this list ties the two together, so that ui_tests hold both catalogues to every
// text a receipt can print, and receipt_tests check that it matches receiptTextKeys() exactly.

#include <array>

#include "kiosk/ui/text_keys.h"

namespace kiosk::receipt {

inline constexpr std::array kReceiptTexts{
    ui::Text::ReceiptTitleRegistration,
    ui::Text::ReceiptTitleCheckin,
    ui::Text::ReceiptAgency,
    ui::Text::ReceiptNumberLabelRegistration,
    ui::Text::ReceiptNumberLabelCheckin,
    ui::Text::ReceiptIssuedAt,
    ui::Text::ReceiptQrCaption,
    ui::Text::ReceiptDocumentsComplete,
    ui::Text::ReceiptMissingHeading,
    ui::Text::ReceiptMissingItem,
    ui::Text::ReceiptFamilyPermissionNote,
    ui::Text::ReceiptDesksHeading,
    ui::Text::ReceiptDeskWithCounter,
    ui::Text::ReceiptComplaintPriority,
    ui::Text::ReceiptConsentHeading,
    ui::Text::ReceiptConsentOther,
    ui::Text::ReceiptConsentVersion,
    ui::Text::ReceiptConsentWithdraw,
    ui::Text::ReceiptNoBrokerTitle,
    ui::Text::ReceiptNoBrokerBody,
    ui::Text::ReceiptHotline,
    ui::Text::ReceiptKeep,
};

}  // namespace kiosk::receipt
