# OpenCV from Debian's per-module packages (libopencv-core-dev, libopencv-videoio-dev, ...). The
# CMake package file of OpenCV ships only in libopencv-dev, which pulls in every module and Qt,
# VTK and MPI with them, so the modules are found here by their header and library instead.
#
#   loket_find_opencv(core imgproc imgcodecs videoio)
#
# defines the imported targets opencv::core, opencv::imgproc, ... in the calling directory, and
# stops the configuration naming the package to install when one is missing.
function(loket_find_opencv)
  find_path(LOKET_OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4)
  if(NOT LOKET_OPENCV_INCLUDE_DIR)
    message(FATAL_ERROR "OpenCV headers not found: run scripts/install-deps.sh (libopencv-core-dev)")
  endif()
  foreach(module IN LISTS ARGN)
    if(TARGET opencv::${module})
      continue()
    endif()
    find_library(LOKET_OPENCV_${module}_LIBRARY opencv_${module})
    if(NOT LOKET_OPENCV_${module}_LIBRARY OR NOT EXISTS "${LOKET_OPENCV_INCLUDE_DIR}/opencv2/${module}.hpp")
      message(FATAL_ERROR "OpenCV module ${module} not found: run scripts/install-deps.sh (libopencv-${module}-dev)")
    endif()
    # Imported, so its headers are system headers: OpenCV 4.6 warns under C++20 and -Werror.
    add_library(opencv::${module} UNKNOWN IMPORTED)
    set_target_properties(opencv::${module} PROPERTIES
      IMPORTED_LOCATION "${LOKET_OPENCV_${module}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${LOKET_OPENCV_INCLUDE_DIR}")
  endforeach()
endfunction()
