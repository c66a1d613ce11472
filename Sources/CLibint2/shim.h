// libint2 (Debian libint2-dev 2.7.2) is C++ and is used only by the LibintBridge target; this system
// library exists for its pkg-config flags (libint2.pc: include paths for libint2 and Eigen, -lint2).
