package task

// Counts are items by kind: tasks, targets and the rest (headings, notes),
// and how many carry flags the office should check (需核实).
type Counts struct {
	Tasks, Targets, Others int
	Review                 int
}

// Counts are the document's items by kind.
func (d *Document) Counts() Counts {
	var c Counts
	for _, t := range d.Tasks {
		switch t.Kind {
		case KindTask:
			c.Tasks++
		case KindTarget:
			c.Targets++
		default:
			c.Others++
		}
		if len(t.Flags) > 0 {
			c.Review++
		}
	}
	return c
}

// Counts are the items of every document by kind.
func (s *Set) Counts() Counts {
	var c Counts
	for _, d := range s.Documents {
		dc := d.Counts()
		c.Tasks += dc.Tasks
		c.Targets += dc.Targets
		c.Others += dc.Others
		c.Review += dc.Review
	}
	return c
}

// Review is one kind of problem the office should check (需核实), with the
// labels of the items it concerns, so that a flag shared by twenty items
// is read once.
type Review struct {
	Flag   string
	Labels []string
}

// Reviews are the document's flags, each with its items, in the order
// they first occur.
func (d *Document) Reviews() []Review {
	var rs []Review
	at := map[string]int{}
	for _, t := range d.Tasks {
		for _, f := range t.Flags {
			i, ok := at[f]
			if !ok {
				i = len(rs)
				at[f] = i
				rs = append(rs, Review{Flag: f})
			}
			rs[i].Labels = append(rs[i].Labels, t.Label())
		}
	}
	return rs
}
