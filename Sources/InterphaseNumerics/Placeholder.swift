// InterphaseNumerics
