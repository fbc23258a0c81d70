; DeskRemote's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; Phones on the Wi-Fi must reach DeskRemote's port. Installed for all users (elevated), the installer allows
; the app in on private networks only, so Windows does not ask on the first start and public networks stay
; closed. Installed for one user it cannot (netsh needs an administrator): Windows then asks on the first
; start, and the desktop window says which box to tick (desktop/src/common/firewall-words.ts).
!macro customInstall
  nsExec::Exec 'netsh advfirewall firewall delete rule name="DeskRemote"'
  nsExec::Exec 'netsh advfirewall firewall add rule name="DeskRemote" dir=in action=allow program="$INSTDIR\DeskRemote.exe" enable=yes profile=private'
!macroend

!macro customUnInstall
  nsExec::Exec 'netsh advfirewall firewall delete rule name="DeskRemote"'
!macroend
