import FuzzSupport

FuzzSupport.main(format: "xlsx")
