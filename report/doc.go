// Package report is the core of taizhang. Its packages follow the pipeline:
//
//	docread   reads policy documents (.txt in any Chinese encoding, .docx, .html)
//	policy    finds the numbered items, their units, deadlines and targets;
//	          ParseFiles/ParseFS/Load apply taizhang.yaml's unit aliases and
//	          collective expansions, so they return what taizhang parse writes
//	task      the task model every stage shares
//	tasklist  writes and reads back the editable task list workbook (任务分解表)
//	period    reporting rounds (2024-Q4, 2024年11月), their dates, a date in Chinese
//	fillin    the units' fill-in workbooks (填报表) and checking what comes back
//	convert   .xls/.et returns to .xlsx through LibreOffice; lotest drives
//	          LibreOffice as a real client in tests
//	intake    collects the returns of a round, converts old formats and checks
//	          them on a worker pool (check, merge, status and demo)
//	round     one reporting round: check → merge → rank → write the ledger, and
//	          the round's status; merge, status and demo share its Job and Rules
//	ledger    merges the returns into the master ledger: 序时进度, lights, compliance
//	ledgerbook writes the ledger workbook (总台账) and reads it back
//	score     the assessment (考核): scores from task outcomes and reporting, ranks
//	scoring   the scoring rules as data (taizhang.yaml's scoring section)
//	history   the year across periods: rankings with their moves, task and unit lines
//	typeface  TrueType fonts for the reports: bundled, the user's .ttf/.ttc, fallbacks
//	chart     vector charts (bars, light distribution, lines) drawn through a Canvas
//	gongwen   the GB/T 9704 page: lines, headings, tables, charts, page numbers, PDF
//	bulletin  what the reports say: the period's progress bulletin, the annual report
//	publish   writes a report PDF (and the year workbook beside the annual one)
//	          from ledgers, backing up what it replaces
//	demo      the demo year over the same core calls as the commands
//	sample    realistic returns for the demo, tests and benchmarks
//	workspace the office's working folder: layout, current period and round,
//	          the year's ledgers, signing key (IssueKey)
//	config    the workspace configuration (taizhang.yaml)
//	cells     cell-text and atomic-write helpers shared by the workbook packages
//	hiddensheet the very hidden _taizhang sheet's rows that tasklist and
//	          ledgerbook keep their JSON on
//	outfile   what a command may write over (inputs, kinds by marker, backups)
//	          and taizhang's temporary files
//
// Core packages take readers, writers and plain values and never print;
// files, terminals and exit codes belong to cmd/taizhang.
package report
