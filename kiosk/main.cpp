// kiosk: the fullscreen touchscreen app. Everything happens in kiosk_app.

#include "kiosk/app/kiosk_app.h"

int main(int argc, char** argv) { return kiosk::app::runKiosk(argc, argv); }
