from nikosheet.cli import main

main()
