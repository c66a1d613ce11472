// Reproduction
