// Reading a worksheet of an .xlsx file as rows of text cells, for the same table loader as CSV.
// Numbers come as their shortest exact text; shared and inline strings as text; dates stay
// Excel serial numbers (the loader converts them where a date is expected).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "expected.h"

namespace kefu::core {

struct Sheet {
    std::string name;
    std::vector<std::vector<std::string>> rows; // rows[0] = the first non-empty row
    std::vector<uint32_t> lines;                // the spreadsheet row number of each row
};

// The sheet names in workbook order.
Expected<std::vector<std::string>> xlsxSheetNames(std::string_view bytes);
// Reads the named sheet, or the first one when `sheet` is empty.
Expected<Sheet> readXlsxSheet(std::string_view bytes, const std::string& sheet = "");
bool looksLikeXlsx(std::string_view bytes);

} // namespace kefu::core
