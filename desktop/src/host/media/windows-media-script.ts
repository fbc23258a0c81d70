/**
 * The PowerShell side of windows-media.ts: Windows' own media sessions (the
 * GlobalSystemMediaTransportControlsSessionManager of Windows.Media.Control, a public WinRT API of
 * Windows 10 1809 and later), through Windows PowerShell 5.1's WinRT projection. It reads one request
 * a line on stdin and answers one JSON line on stdout:
 *   list                 -> {"ok":true,"current":"<app id>","sessions":[{id,title,artist,album,status,positionMs,lengthMs,canSeek,canNext,canPrevious}]}
 *   playPause|next|previous <app id>   -> {"ok":true|false}
 *   seek <app id> <ms>   -> {"ok":true|false}
 * Kept as a string so the packaged app carries it without a file of its own.
 */
export const WINDOWS_MEDIA_SCRIPT = `
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
Add-Type -AssemblyName System.Runtime.WindowsRuntime
$asTask = [System.WindowsRuntimeSystemExtensions].GetMethods() | Where-Object {
  $_.Name -eq 'AsTask' -and $_.GetParameters().Count -eq 1 -and $_.GetParameters()[0].ParameterType.Name -eq 'IAsyncOperation${'`'}1'
} | Select-Object -First 1
function Await($operation, [Type]$type) {
  $task = $asTask.MakeGenericMethod($type).Invoke($null, @($operation))
  $null = $task.Wait(5000)
  return $task.Result
}
$null = [Windows.Media.Control.GlobalSystemMediaTransportControlsSessionManager, Windows.Media.Control, ContentType = WindowsRuntime]
$managerType = [Windows.Media.Control.GlobalSystemMediaTransportControlsSessionManager]
$propertiesType = [Windows.Media.Control.GlobalSystemMediaTransportControlsSessionMediaProperties]
$manager = Await ($managerType::RequestAsync()) $managerType
function Find($id) { $manager.GetSessions() | Where-Object { $_.SourceAppUserModelId -eq $id } | Select-Object -First 1 }
function Answer($value) { [Console]::Out.WriteLine(($value | ConvertTo-Json -Compress -Depth 4)); [Console]::Out.Flush() }
while ($true) {
  $line = [Console]::In.ReadLine()
  if ($null -eq $line) { break }
  $words = $line.Split(' ', 3)
  try {
    if ($words[0] -eq 'list') {
      $current = $manager.GetCurrentSession()
      $sessions = @(foreach ($session in $manager.GetSessions()) {
        $properties = Await ($session.TryGetMediaPropertiesAsync()) $propertiesType
        $playback = $session.GetPlaybackInfo()
        $timeline = $session.GetTimelineProperties()
        @{
          id = $session.SourceAppUserModelId
          title = [string]$properties.Title
          artist = [string]$properties.Artist
          album = [string]$properties.AlbumTitle
          status = $playback.PlaybackStatus.ToString()
          positionMs = [long]$timeline.Position.TotalMilliseconds
          lengthMs = [long]$timeline.EndTime.TotalMilliseconds
          canSeek = [bool]$playback.Controls.IsPlaybackPositionEnabled
          canNext = [bool]$playback.Controls.IsNextEnabled
          canPrevious = [bool]$playback.Controls.IsPreviousEnabled
        }
      })
      Answer @{ ok = $true; current = $(if ($current) { $current.SourceAppUserModelId } else { '' }); sessions = $sessions }
    } else {
      $session = Find $words[1]
      if ($null -eq $session) { Answer @{ ok = $false; error = 'no-session' }; continue }
      $done = switch ($words[0]) {
        'playPause' { Await ($session.TryTogglePlayPauseAsync()) ([bool]) }
        'next' { Await ($session.TrySkipNextAsync()) ([bool]) }
        'previous' { Await ($session.TrySkipPreviousAsync()) ([bool]) }
        'seek' { Await ($session.TryChangePlaybackPositionAsync([long]$words[2] * 10000)) ([bool]) }
        default { $false }
      }
      Answer @{ ok = [bool]$done }
    }
  } catch {
    Answer @{ ok = $false; error = $_.Exception.Message }
  }
}
`;
