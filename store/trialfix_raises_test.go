package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestTrialfixUpdateRaises: a raise is stored with the offer's new
// capacity in one step, survives the mentor saving their offer, is read
// back and removed; an error or no change writes nothing; erasing the
// mentor erases the raises; no offer is ENOTFOUND.
func TestTrialfixUpdateRaises(t *testing.T) {
	ctx := context.Background()
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			s := b.Open(t)
			tn := storetest.Tenant(t, "test")
			mentor := tn.Member("max")
			_, err := s.UpdateRaises(ctx, mentor, func(*bot.Offer, map[string]bot.CapacityRaise) error { return nil })
			storetest.MustCode(t, err, bot.ENOTFOUND)
			offer := bot.Offer{Mentor: mentor, Topics: []string{"go"}, Capacity: 1, Languages: []bot.Lang{"en"}, Keys: []string{"go"}}
			storetest.MustOK(t, s.SaveOffer(ctx, offer))
			o, err := s.UpdateRaises(ctx, mentor, func(o *bot.Offer, r map[string]bot.CapacityRaise) error {
				o.Capacity = 2
				r["p1"] = bot.CapacityRaise{From: 1, To: 2}
				return nil
			})
			storetest.MustOK(t, err)
			if o.Capacity != 2 {
				t.Fatalf("got capacity %d, want 2", o.Capacity)
			}
			if got, _ := s.GetOffer(ctx, mentor); got.Capacity != 2 {
				t.Fatalf("got stored capacity %d, want 2", got.Capacity)
			}
			if os, _ := s.OffersFor(ctx, tn, []string{"go"}); len(os) != 1 || os[0].Capacity != 2 {
				t.Fatalf("got offers for go %+v, want capacity 2", os)
			}
			// Saving the offer keeps the raise.
			offer.Capacity, offer.Topics = 2, []string{"go", "sql"}
			storetest.MustOK(t, s.SaveOffer(ctx, offer))
			_, err = s.UpdateRaises(ctx, mentor, func(o *bot.Offer, r map[string]bot.CapacityRaise) error {
				if len(r) != 1 || r["p1"] != (bot.CapacityRaise{From: 1, To: 2}) {
					t.Errorf("got raises %v, want p1 1→2", r)
				}
				o.Capacity = 9
				r["p2"] = bot.CapacityRaise{From: 2, To: 9}
				return errors.New("changed my mind")
			})
			if err == nil {
				t.Fatal("got no error, want change's")
			}
			o, err = s.UpdateRaises(ctx, mentor, func(o *bot.Offer, r map[string]bot.CapacityRaise) error {
				if len(r) != 1 {
					t.Errorf("got raises %v after an error, want p1 alone", r)
				}
				delete(r, "p1")
				o.Capacity = 1
				return nil
			})
			storetest.MustOK(t, err)
			if got, _ := s.GetOffer(ctx, mentor); got.Capacity != 1 || len(got.Topics) != 2 {
				t.Fatalf("got offer %+v, want capacity 1 and both topics", got)
			}
			_, _ = s.UpdateRaises(ctx, mentor, func(o *bot.Offer, r map[string]bot.CapacityRaise) error {
				if len(r) != 0 {
					t.Errorf("got raises %v, want none", r)
				}
				r["p3"] = bot.CapacityRaise{From: 1, To: 2}
				o.Capacity = 2
				return nil
			})
			storetest.MustOK(t, s.Erase(ctx, bot.Erasure{Member: mentor}))
			storetest.MustOK(t, s.SaveOffer(ctx, offer))
			_, _ = s.UpdateRaises(ctx, mentor, func(o *bot.Offer, r map[string]bot.CapacityRaise) error {
				if len(r) != 0 {
					t.Errorf("got raises %v after the erasure, want none", r)
				}
				return nil
			})
		})
	}
}
