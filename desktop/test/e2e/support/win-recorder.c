/*
 * The receiving Windows application of the Windows suite: one full-screen, topmost, focused window that
 * writes every input message it gets to a log file, one line each, as Windows delivered it (built with
 * mingw-w64 by scripts/wine-setup.sh; run under Wine). Usage: recorder.exe LOGFILE
 *
 *   ready W H                      the window is up, foreground and focused; W x H client pixels
 *   char U / syschar U             WM_CHAR / WM_SYSCHAR: one UTF-16 unit, hex
 *   keydown VK MODS / keyup ...    WM_KEYDOWN / WM_KEYUP: virtual key (hex), modifiers held then
 *   syskeydown VK MODS / syskeyup  WM_SYSKEYDOWN / WM_SYSKEYUP (Alt held, or F10)
 *   wheel DELTA MODS / hwheel ...  WM_MOUSEWHEEL / WM_MOUSEHWHEEL: the signed delta (120 a notch)
 *   down BUTTON X Y / up ...       left, right or middle, at client coordinates
 *   move X Y                       WM_MOUSEMOVE, client coordinates
 *   focus / blur                   WM_SETFOCUS / WM_KILLFOCUS (why keys stopped arriving, when they do)
 *
 * MODS is '-' or letters: c (Ctrl), s (Shift), a (Alt), w (Windows key). For keys they come from GetKeyState
 * (the state when that message was queued); for the wheel from the MK_ flags Windows puts in wParam, which
 * is what applications zoom on.
 */
#include <stdio.h>
#include <windows.h>

#ifndef WM_MOUSEHWHEEL
#define WM_MOUSEHWHEEL 0x020E
#endif

static HANDLE log_file;

static void put(const char *line) {
  DWORD written;
  /* One WriteFile a line, no buffering: the test reads the file while the window runs. */
  WriteFile(log_file, line, (DWORD)strlen(line), &written, NULL);
}

static void key_mods(char *out) {
  int n = 0;
  if (GetKeyState(VK_CONTROL) & 0x8000) out[n++] = 'c';
  if (GetKeyState(VK_SHIFT) & 0x8000) out[n++] = 's';
  if (GetKeyState(VK_MENU) & 0x8000) out[n++] = 'a';
  if ((GetKeyState(VK_LWIN) | GetKeyState(VK_RWIN)) & 0x8000) out[n++] = 'w';
  if (n == 0) out[n++] = '-';
  out[n] = 0;
}

static void wheel_mods(WPARAM wp, char *out) {
  int n = 0;
  WORD keys = GET_KEYSTATE_WPARAM(wp);
  if (keys & MK_CONTROL) out[n++] = 'c';
  if (keys & MK_SHIFT) out[n++] = 's';
  if (n == 0) out[n++] = '-';
  out[n] = 0;
}

static LRESULT CALLBACK window_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp) {
  char line[128], mods[8];
  switch (msg) {
  case WM_CHAR:
  case WM_SYSCHAR:
    snprintf(line, sizeof line, "%s %04x\n", msg == WM_CHAR ? "char" : "syschar", (unsigned)(wp & 0xffff));
    put(line);
    return 0;
  case WM_KEYDOWN:
  case WM_KEYUP:
  case WM_SYSKEYDOWN:
  case WM_SYSKEYUP: {
    const char *name = msg == WM_KEYDOWN ? "keydown" : msg == WM_KEYUP ? "keyup" : msg == WM_SYSKEYDOWN ? "syskeydown" : "syskeyup";
    key_mods(mods);
    snprintf(line, sizeof line, "%s %02x %s\n", name, (unsigned)wp, mods);
    put(line);
    /* Not handed to DefWindowProc: Alt alone would enter the menu loop and Alt+F4 would close the window. */
    return 0;
  }
  case WM_MOUSEWHEEL:
  case WM_MOUSEHWHEEL:
    wheel_mods(wp, mods);
    snprintf(line, sizeof line, "%s %d %s\n", msg == WM_MOUSEWHEEL ? "wheel" : "hwheel", GET_WHEEL_DELTA_WPARAM(wp), mods);
    put(line);
    return 0;
  case WM_LBUTTONDOWN:
  case WM_LBUTTONUP:
  case WM_RBUTTONDOWN:
  case WM_RBUTTONUP:
  case WM_MBUTTONDOWN:
  case WM_MBUTTONUP: {
    const char *button = (msg == WM_LBUTTONDOWN || msg == WM_LBUTTONUP)   ? "left"
                         : (msg == WM_RBUTTONDOWN || msg == WM_RBUTTONUP) ? "right"
                                                                          : "middle";
    int down = msg == WM_LBUTTONDOWN || msg == WM_RBUTTONDOWN || msg == WM_MBUTTONDOWN;
    snprintf(line, sizeof line, "%s %s %d %d\n", down ? "down" : "up", button, (short)LOWORD(lp), (short)HIWORD(lp));
    put(line);
    /* Keep receiving the moves of a drag even if the pointer leaves the window. */
    if (down) SetCapture(hwnd);
    else if (!(wp & (MK_LBUTTON | MK_RBUTTON | MK_MBUTTON))) ReleaseCapture();
    return 0;
  }
  case WM_MOUSEMOVE:
    snprintf(line, sizeof line, "move %d %d\n", (short)LOWORD(lp), (short)HIWORD(lp));
    put(line);
    return 0;
  case WM_PAINT: {
    /* Coloured bands, so a screen grab of this window is visibly not blank. */
    PAINTSTRUCT ps;
    HDC dc = BeginPaint(hwnd, &ps);
    RECT r;
    GetClientRect(hwnd, &r);
    COLORREF colours[4] = {RGB(200, 40, 40), RGB(40, 160, 60), RGB(40, 80, 200), RGB(240, 240, 240)};
    int band = (r.right - r.left) / 4;
    for (int i = 0; i < 4; i++) {
      RECT b = {r.left + i * band, r.top, i == 3 ? r.right : r.left + (i + 1) * band, r.bottom};
      HBRUSH brush = CreateSolidBrush(colours[i]);
      FillRect(dc, &b, brush);
      DeleteObject(brush);
    }
    EndPaint(hwnd, &ps);
    return 0;
  }
  case WM_SETFOCUS:
  case WM_KILLFOCUS:
    put(msg == WM_SETFOCUS ? "focus\n" : "blur\n");
    return 0;
  case WM_SETCURSOR:
    SetCursor(LoadCursor(NULL, IDC_ARROW));
    return TRUE;
  case WM_CLOSE:
    /* Only the test ends it (by ending the process): a stray Alt+F4 must not. */
    return 0;
  case WM_DESTROY:
    PostQuitMessage(0);
    return 0;
  }
  return DefWindowProcW(hwnd, msg, wp, lp);
}

int wmain(int argc, wchar_t **argv) {
  if (argc < 2) return 2;
  log_file = CreateFileW(argv[1], GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  if (log_file == INVALID_HANDLE_VALUE) return 3;
  HINSTANCE instance = GetModuleHandleW(NULL);
  WNDCLASSEXW wc = {0};
  wc.cbSize = sizeof wc;
  /* No CS_DBLCLKS: a double click stays two presses, as the host sent them. */
  wc.lpfnWndProc = window_proc;
  wc.hInstance = instance;
  wc.hCursor = LoadCursor(NULL, IDC_ARROW);
  wc.lpszClassName = L"DeskRemoteRecorder";
  if (!RegisterClassExW(&wc)) return 4;
  int width = GetSystemMetrics(SM_CXSCREEN), height = GetSystemMetrics(SM_CYSCREEN);
  HWND hwnd = CreateWindowExW(WS_EX_TOPMOST, wc.lpszClassName, L"DeskRemote recorder", WS_POPUP | WS_VISIBLE, 0, 0, width,
                              height, NULL, NULL, instance, NULL);
  if (!hwnd) return 5;
  ShowWindow(hwnd, SW_SHOW);
  UpdateWindow(hwnd);
  SetForegroundWindow(hwnd);
  SetActiveWindow(hwnd);
  SetFocus(hwnd);
  RECT client;
  GetClientRect(hwnd, &client);
  char line[64];
  snprintf(line, sizeof line, "ready %ld %ld\n", client.right - client.left, client.bottom - client.top);
  put(line);
  MSG msg;
  while (GetMessageW(&msg, NULL, 0, 0) > 0) {
    TranslateMessage(&msg);
    DispatchMessageW(&msg);
  }
  return 0;
}
