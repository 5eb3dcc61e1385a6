#include "fonts.h"

#include <imgui_impl_opengl3.h>

#include "text.h"

namespace kefu::web {

namespace {
// Always in the atlas: ASCII and Latin-1, general punctuation, CJK symbols and punctuation,
// full-width forms, geometric shapes and U+FFFD (ImGui's fallback for anything missing).
const ImWchar kBaseRanges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0x25A0, 0x25FF, 0x3000, 0x303F,
                               0xFF00, 0xFFEF, 0xFFFD, 0xFFFD, 0};
} // namespace

FontAtlas& fonts() {
    static FontAtlas atlas;
    return atlas;
}

void FontAtlas::setFontData(std::vector<unsigned char> ttf, bool full) {
    if (ttf.empty()) return;
    m_ttf = std::move(ttf);
    m_full = full;
    m_dirty = true;
}

void FontAtlas::noteText(std::string_view utf8) {
    for (size_t i = 0; i < utf8.size();) {
        if (uint8_t(utf8[i]) < 0x80) { ++i; continue; }
        uint32_t cp = core::nextCodepoint(utf8, i);
        if (cp < 0x10000 && !m_noted[cp]) {
            m_noted[cp] = true;
            m_dirty = true;
        }
    }
}

void FontAtlas::prepare(float pixelRatio, bool textureLive) {
    if (pixelRatio <= 0) pixelRatio = 1;
    if (!m_dirty && pixelRatio == m_ratio) return;
    rebuild(pixelRatio);
    if (textureLive) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void FontAtlas::rebuild(float pixelRatio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(kBaseRanges);
    for (uint32_t cp = 0x80; cp < 0x10000; ++cp)
        if (m_noted[cp]) builder.AddChar(ImWchar(cp));
    m_ranges.clear();
    builder.BuildRanges(&m_ranges);
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false; // the bytes stay in m_ttf across rebuilds
    cfg.OversampleH = cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    const float px = kSizePx * pixelRatio;
    if (m_ttf.empty()) {
        cfg.SizePixels = px;
        io.Fonts->AddFontDefault(&cfg);
    } else {
        io.Fonts->AddFontFromMemoryTTF(m_ttf.data(), int(m_ttf.size()), px, &cfg, m_ranges.Data);
    }
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / pixelRatio;
    m_built = m_noted;
    m_ratio = pixelRatio;
    m_dirty = false;
    ++m_rebuilds;
}

std::vector<uint32_t> FontAtlas::missingGlyphs() const {
    std::vector<uint32_t> missing;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->Fonts.empty()) return missing;
    ImFont* font = atlas->Fonts[0];
    for (uint32_t cp = 0x80; cp < 0x10000; ++cp)
        if (m_built[cp] && !font->FindGlyphNoFallback(ImWchar(cp))) missing.push_back(cp);
    return missing;
}

} // namespace kefu::web
