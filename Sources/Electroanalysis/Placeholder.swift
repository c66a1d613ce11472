// Electroanalysis
