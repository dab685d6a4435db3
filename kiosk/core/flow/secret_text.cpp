#include "kiosk/core/flow/secret_text.h"

#include <string.h>  // explicit_bzero: a plain memset before the end of a lifetime may be optimised away

namespace kiosk::flow {

void zeroBytes(char* data, std::size_t size) { explicit_bzero(data, size); }

}  // namespace kiosk::flow
