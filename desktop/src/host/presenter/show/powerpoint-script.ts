/**
 * The PowerShell side of powerpoint-source.ts: PowerPoint's running slide show through its COM automation
 * (the PowerPoint object model Microsoft documents: Application.SlideShowWindows, SlideShowView,
 * Slide.NotesPage, Slide.Export). It never starts PowerPoint: it only attaches to a running one. One request
 * a line on stdin, one JSON line on stdout:
 *   state          -> {"ok":true,"running":false} | {"ok":true,"running":true,"title","count","current"}
 *   notes <n>      -> {"ok":true,"text":"..."}     (the body placeholder of slide n's notes page)
 *   picture <n>    -> {"ok":true,"png":"<base64>"} (slide n exported 640 px wide, in its own shape)
 *   next | previous | goto <n> | blank | resume | stop -> {"ok":true|false}
 * Kept as a string so the packaged app carries it without a file of its own. Written against the
 * documented interfaces; no Windows machine with PowerPoint has run it here (the README says so).
 */
export const POWERPOINT_SCRIPT = `
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
function Answer($value) { [Console]::Out.WriteLine(($value | ConvertTo-Json -Compress -Depth 3)); [Console]::Out.Flush() }
function Show() {
  try { $app = [Runtime.InteropServices.Marshal]::GetActiveObject('PowerPoint.Application') } catch { return $null }
  if ($app.SlideShowWindows.Count -lt 1) { return $null }
  return $app.SlideShowWindows.Item(1)
}
while ($true) {
  $line = [Console]::In.ReadLine()
  if ($null -eq $line) { break }
  $words = $line.Split(' ', 2)
  try {
    $window = Show
    if ($words[0] -eq 'state') {
      if ($null -eq $window) { Answer @{ ok = $true; running = $false }; continue }
      Answer @{ ok = $true; running = $true; title = [string]$window.Presentation.Name; count = [int]$window.Presentation.Slides.Count; current = [int]$window.View.Slide.SlideIndex }
      continue
    }
    if ($null -eq $window) { Answer @{ ok = $false; error = 'no-show' }; continue }
    $view = $window.View
    switch ($words[0]) {
      'notes' {
        $text = ''
        foreach ($shape in $window.Presentation.Slides.Item([int]$words[1]).NotesPage.Shapes) {
          # ppPlaceholderBody (2): the notes' text box.
          if ($shape.Type -eq 14 -and $shape.PlaceholderFormat.Type -eq 2 -and $shape.HasTextFrame) { $text = [string]$shape.TextFrame.TextRange.Text }
        }
        Answer @{ ok = $true; text = $text.Replace([string][char]13, [string][char]10) }
      }
      'picture' {
        $path = [IO.Path]::Combine([IO.Path]::GetTempPath(), 'deskremote-slide-' + [Guid]::NewGuid().ToString() + '.png')
        try {
          $setup = $window.Presentation.PageSetup
          $window.Presentation.Slides.Item([int]$words[1]).Export($path, 'PNG', 640, [int](640 * $setup.SlideHeight / $setup.SlideWidth))
          Answer @{ ok = $true; png = [Convert]::ToBase64String([IO.File]::ReadAllBytes($path)) }
        } finally { Remove-Item -LiteralPath $path -ErrorAction SilentlyContinue }
      }
      'next' { $view.Next(); Answer @{ ok = $true } }
      'previous' { $view.Previous(); Answer @{ ok = $true } }
      'goto' { $view.GotoSlide([int]$words[1]); Answer @{ ok = $true } }
      # ppSlideShowBlackScreen (3), ppSlideShowRunning (1).
      'blank' { $view.State = 3; Answer @{ ok = $true } }
      'resume' { $view.State = 1; Answer @{ ok = $true } }
      'stop' { $view.Exit(); Answer @{ ok = $true } }
      default { Answer @{ ok = $false; error = 'unknown' } }
    }
  } catch {
    Answer @{ ok = $false; error = $_.Exception.Message }
  }
}
`;
