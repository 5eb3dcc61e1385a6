// The glyph atlas: ImGui 1.86 rasterizes only the characters given at build time, so every text
// the UI shows or receives is noted here and the atlas is rebuilt (and the GL texture re-uploaded)
// before the next frame when new characters appear. Rasterized at the device pixel ratio and
// drawn at 1/ratio, so text stays crisp on HiDPI screens. One instance, owned by main.cpp's loop.
#pragma once
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace kefu::web {

class FontAtlas {
public:
    static constexpr float kSizePx = 16.0f; // CSS pixels

    // TTF bytes: the GB2312 subset first; the fuller GBK font replaces it when it arrives.
    void setFontData(std::vector<unsigned char> ttf, bool full);
    bool hasFont() const { return !m_ttf.empty(); }
    bool fullFont() const { return m_full; }
    // Notes the characters of a UTF-8 text; new ones make the next prepare() rebuild the atlas.
    void noteText(std::string_view utf8);
    // Before ImGui::NewFrame: rebuilds the atlas when characters, the font or the pixel ratio
    // changed. `textureLive`: the GL font texture exists and must be re-uploaded.
    void prepare(float pixelRatio, bool textureLive);
    // Characters noted but missing from the current font (shown as the fallback glyph).
    std::vector<uint32_t> missingGlyphs() const;
    int rebuilds() const { return m_rebuilds; }

private:
    void rebuild(float pixelRatio);
    std::vector<unsigned char> m_ttf;
    bool m_full = false;
    std::bitset<0x10000> m_noted, m_built;
    bool m_dirty = true;
    float m_ratio = 0;
    ImVector<ImWchar> m_ranges; // ImGui keeps a pointer to it until the next rebuild
    int m_rebuilds = 0;
};

FontAtlas& fonts();

} // namespace kefu::web
