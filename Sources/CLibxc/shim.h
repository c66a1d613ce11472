// libxc (Debian libxc-dev 5.2.3; Lehtola et al., SoftwareX 7, 1 (2018)): exchange-correlation
// functionals. Swift calls it only from QuantumChemistry/ExchangeCorrelation/Libxc+C.swift.
#include <xc.h>
