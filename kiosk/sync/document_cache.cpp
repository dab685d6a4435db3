#include "kiosk/sync/document_cache.h"

#include <nlohmann/json.hpp>

#include "kiosk/sync/atomic_file.h"
#include "kiosk/sync/signed_document.h"

namespace kiosk::sync {

namespace {

using Json = nlohmann::json;

Error invalid(std::string_view name, std::string what) {
    return Error{"sync.document_invalid", std::string(name) + ": " + std::move(what)};
}

}  // namespace

std::filesystem::path DocumentCache::fileFor(std::string_view name) const {
    return folder_ / (std::string(name) + ".json");
}

const CachedDocument* DocumentCache::find(std::string_view name) const {
    const auto it = documents_.find(name);
    return it == documents_.end() ? nullptr : &it->second;
}

Result<CachedDocument> DocumentCache::check(std::string_view name, std::string_view body, std::string etag) const {
    auto bytes = verifySignedDocument(body, signingKey_);
    if (!bytes) return Error{bytes.error().code, std::string(name) + ": " + bytes.error().detail};
    const auto document = Json::parse(*bytes, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return invalid(name, "the signed bytes are not a JSON object");
    const auto version = document.find("version");
    if (version == document.end() || !version->is_number_integer() || version->get<std::int64_t>() < 0)
        return invalid(name, "no integer version");
    if (name == kConfigDocument) {
        const auto kiosk = document.find("kiosk_id");
        if (kiosk == document.end() || !kiosk->is_string() || kiosk->get<std::string>() != kioskId_)
            return invalid(name, "the configuration is not for kiosk " + kioskId_);
    } else {
        const auto catalogue = document.find("name");
        const auto items = document.find("items");
        if (catalogue == document.end() || !catalogue->is_string() || catalogue->get<std::string>() != name)
            return invalid(name, "the catalogue names another catalogue");
        if (items == document.end() || !items->is_array()) return invalid(name, "the catalogue has no items array");
    }
    CachedDocument out;
    out.name = std::string(name);
    out.document = std::move(*bytes);
    out.etag = std::move(etag);
    out.version = version->get<std::int64_t>();
    return out;
}

std::vector<Error> DocumentCache::load() {
    std::vector<Error> errors;
    std::vector<std::string_view> names{kConfigDocument};
    names.insert(names.end(), kCatalogues.begin(), kCatalogues.end());
    for (const auto name : names) {
        auto text = readWholeFile(fileFor(name));
        if (!text) {
            if (text.error().code != "sync.file_missing") errors.push_back(text.error());
            continue;
        }
        const auto saved = Json::parse(*text, nullptr, false);
        std::string etag;
        if (!saved.is_discarded() && saved.is_object() && saved.contains("etag") && saved["etag"].is_string())
            etag = saved["etag"].get<std::string>();
        auto document = check(name, *text, std::move(etag));
        if (!document) {
            errors.push_back(document.error());
            continue;
        }
        documents_[std::string(name)] = std::move(*document);
    }
    return errors;
}

Result<const CachedDocument*> DocumentCache::accept(std::string_view name, std::string_view body, std::string etag) {
    auto document = check(name, body, etag);
    if (!document) return document.error();
    if (const auto* held = find(name); held && document->version < held->version)
        return Error{"sync.document_downgrade", std::string(name) + ": version " + std::to_string(document->version) +
                                                    " is older than version " + std::to_string(held->version) +
                                                    " held; the held one stays"};
    // The file is the signed document as received plus its ETag: it verifies again on every load.
    const auto outer = Json::parse(body, nullptr, false);
    Json saved{{"document", outer["document"]}, {"signature", outer["signature"]}, {"etag", document->etag}};
    std::error_code ignored;
    std::filesystem::create_directories(folder_, ignored);
    if (auto r = writeFileAtomically(fileFor(name), saved.dump()); !r) return r.error();
    auto& slot = documents_[std::string(name)];
    slot = std::move(*document);
    return &slot;
}

}  // namespace kiosk::sync
