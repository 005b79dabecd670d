// Package internal holds the pipeline's stages, one job per package, in the
// order a round of work goes through them:
//
//	docread    reads policy documents (.txt in any Chinese encoding, .docx,
//	           .html; traditional characters read as simplified)
//	xlsxdoc    reads a task table sent as an .xlsx workbook (its sheets,
//	           merged cells repeated) into docread's document, with fillin's
//	           bounded reader; refuses taizhang's own workbooks
//	policy     finds the numbered items, their units, deadlines and targets;
//	           ParseFiles/ParseFS/Load apply taizhang.yaml's unit aliases and
//	           collective expansions, so they return what taizhang parse writes
//	task       the task model every stage shares
//	tasklist   writes and reads back the editable task list workbook (任务分解表)
//	period     reporting rounds (2024-Q4, 2024年11月), their dates, a date in
//	           Chinese
//	fillin     checking the units' returns of the fill-in workbooks (填报表),
//	           the return's types (Status, Entry, Return, Finding) and what
//	           the writer in templates/form shares with the checker: the
//	           layout, the locked row content, file names, the signature
//	convert    .xls/.et returns to .xlsx through LibreOffice; lotest drives
//	           LibreOffice as a real client in tests
//	intake     collects the returns of a round, converts old formats and checks
//	           them on a worker pool (check, merge, status and demo)
//	ledger     merges the returns into the master ledger: 序时进度, lights,
//	           compliance
//	score      the assessment (考核): scores from task outcomes and reporting,
//	           ranks; scoring holds its rules as data (taizhang.yaml)
//	history    the year across periods: rankings with their moves, task and
//	           unit lines
//	sample     realistic returns for the demo, tests and benchmarks;
//	           samplefix holds the in-memory fixtures; tests only
//	workspace  the office's working folder: layout, current period and round,
//	           the year's ledgers, the signing key, and what commands take
//	           from it when their flags leave it out (task sources, parse)
//	config     the workspace configuration (taizhang.yaml)
//	cells      cell text, dates and widths shared by the workbook packages
//	hiddensheet the very hidden _taizhang sheet that tasklist and ledgerbook
//	           keep their JSON on
//	outfile    what a command may write over (inputs, kinds by marker,
//	           backups) and taizhang's temporary files
//	inputerr   the one error contract: a problem in the user's input
//	testkit    what the tests share (golden files, workbook dumps); tests only
//
// Nothing here imports report/, templates/ or cmd/ (the layering test in
// report checks it).
package internal
