// SHA-256 (FIPS 180-4) through OpenSSL's libcrypto, for the audit trail's hash chain.
#pragma once

#include <string>
#include <string_view>

namespace nadir {

/// The SHA-256 digest of `data` as 64 lower-case hexadecimal digits.
std::string Sha256Hex(std::string_view data);

}  // namespace nadir
