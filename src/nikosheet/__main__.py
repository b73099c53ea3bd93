from nikosheet.cli.app import main

main()
