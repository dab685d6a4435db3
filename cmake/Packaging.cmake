# What `make install` and the Debian package hold (cpack -G DEB, see README "Installing on a
# kiosk"): the kiosk and kioskctl, the assets beside them as the kiosk looks for them
# (<prefix>/share/loket/assets), the settings example, the systemd unit that runs the kiosk in
# the cage compositor, and the maintainer scripts that make its user and state folder.

include(GNUInstallDirs)

install(TARGETS kiosk kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/loket/assets)
install(FILES ${PROJECT_SOURCE_DIR}/config/kiosk.example.toml DESTINATION ${CMAKE_INSTALL_DATADIR}/loket)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# systemd reads units from /lib/systemd/system whatever the prefix (Debian 12 is not merged-/usr
# for packaged units).
install(FILES ${PROJECT_SOURCE_DIR}/config/loket-kiosk.service DESTINATION /lib/systemd/system)
# USB sticks mounted for the export, writable by the kiosk's user (no desktop does it on a kiosk).
install(FILES ${PROJECT_SOURCE_DIR}/config/90-loket-usb-stick.rules DESTINATION /lib/udev/rules.d)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME loket)
set(CPACK_PACKAGE_VENDOR "Loket")
set(CPACK_PACKAGE_CONTACT "Loket kiosk team <kiosk@loket.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Self-service registration and verification kiosk for migrant workers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries the binaries link (SDL2, OpenCV, ZXing, SQLite, curl, sodium, ...) are
# found by dpkg-shlibdeps; what they read at run time is named here: the compositor, the fonts,
# the voice, OpenCV's face cascades, and adduser for the maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cage, fonts-noto-core, espeak-ng, opencv-data, adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/config/debian/postinst ${PROJECT_SOURCE_DIR}/config/debian/prerm
    ${PROJECT_SOURCE_DIR}/config/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
