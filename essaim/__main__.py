from essaim.cli import main

main()
