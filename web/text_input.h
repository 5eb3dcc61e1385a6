// Keyboard and text entry around SDL: text that arrives from the page (IME composition, paste),
// copy and cut of the active field's selection, and keys pressed and released between two
// frames (ImGui 1.86 reads key state once per frame, so a quick tap would be lost).
#pragma once
#include <string>

#include <SDL.h>

namespace kefu::web {

struct TextFieldState {
    bool active = false;     // an ImGui text field has the keyboard
    float x = 0, y = 0, h = 0; // caret position and line height, CSS pixels
};

// Feeds one SDL event to ImGui, deferring the release of a key pressed in the same frame.
void processEvent(const SDL_Event& e);
// Before polling events: releases the keys deferred from the previous frame.
void beginInputFrame();
// Text typed or pasted outside SDL (UTF-8): goes into the active field.
void insertText(const char* utf8);
// The selection of the active text field (empty when none).
std::string selectedText();
// Copies the selection and deletes it (a Backspace tap next frame).
std::string cutSelection();
// Where the active field's caret is, after the frame was built.
TextFieldState activeTextField();

} // namespace kefu::web
