// InterphasePlot
