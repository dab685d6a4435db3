# The OCR-B glyphs of the MRZ classifier, rendered from Debian's fonts-ocr-b at build time by
# make_ocrb_glyphs (SDL2_ttf) into a generated source: the model is the font, nothing binary is
# committed. LOKET_OCRB_FONT points elsewhere when the font lives in another place.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ocrb_sdl REQUIRED IMPORTED_TARGET sdl2 SDL2_ttf)
set(LOKET_OCRB_FONT /usr/share/fonts/opentype/ocr-b/OCRB.otf CACHE FILEPATH "The OCR-B font (fonts-ocr-b)")
if(NOT EXISTS "${LOKET_OCRB_FONT}")
  message(FATAL_ERROR "OCR-B font not found at ${LOKET_OCRB_FONT}: run scripts/install-deps.sh (fonts-ocr-b)")
endif()

add_executable(make_ocrb_glyphs make_ocrb_glyphs.cpp)
target_link_libraries(make_ocrb_glyphs PRIVATE PkgConfig::ocrb_sdl)
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/ocrb_glyphs.cpp
  COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
          $<TARGET_FILE:make_ocrb_glyphs> ${LOKET_OCRB_FONT} ${CMAKE_CURRENT_BINARY_DIR}/ocrb_glyphs.cpp
  DEPENDS make_ocrb_glyphs ${LOKET_OCRB_FONT}
  COMMENT "Rendering the OCR-B glyphs of the MRZ classifier"
  VERBATIM)
target_sources(kiosk_vision PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/ocrb_glyphs.cpp ocrb_training.cpp)
