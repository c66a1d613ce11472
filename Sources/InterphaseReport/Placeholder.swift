// InterphaseReport
