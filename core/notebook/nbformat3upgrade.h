#pragma once

#include <nlohmann/json.hpp>

/// nbformat 3 (worksheets, `input`, `prompt_number`, heading cells) upgraded to nbformat 4 JSON,
/// so one reader serves both. The v4 reading that follows reports wrong types with their place.
namespace tassel::nbformat3 {

/// One v3 cell as nbformat 4 JSON, the way nbformat's own upgrade does it.
nlohmann::json upgradedCell(const nlohmann::json &v3Cell);

} // namespace tassel::nbformat3
